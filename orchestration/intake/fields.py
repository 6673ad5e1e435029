"""The three submission datasets: their fields, header spellings, keys and required columns."""

# dataset -> field -> accepted header spellings (compared after header_key)
FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "indicator_values": {
        "indicator_code": ("指标代码", "指标编号", "指标编码", "indicator code", "indicator id"),
        "indicator_name": ("指标名称", "指标", "指标名", "indicator name", "indicator"),
        "year": ("年份", "年度", "年", "统计年度", "year"),
        "value": ("数值", "指标值", "实际值", "完成值", "value", "actual value"),
        "unit": ("单位", "计量单位", "unit"),
        "region_code": ("地区代码", "行政区划代码", "区划代码", "region code", "region"),
        "note": ("备注", "说明", "note", "notes", "remark", "remarks", "comment"),
    },
    "project_progress": {
        "project_code": ("项目编号", "项目代码", "项目编码", "project code", "project id"),
        "project_name": ("项目名称", "项目", "project name", "project"),
        "report_month": (
            "报告期",
            "报告月份",
            "填报月份",
            "月份",
            "report month",
            "report period",
            "period",
            "month",
        ),
        "status_code": (
            "项目状态",
            "状态",
            "建设状态",
            "进展状态",
            "status",
            "status code",
            "project status",
        ),
        "total_investment": ("总投资", "计划总投资", "项目总投资", "total investment"),
        "period_investment": (
            "本期完成投资",
            "本期投资",
            "本月完成投资",
            "本季度完成投资",
            "当期完成投资",
            "period investment",
            "investment this period",
        ),
        "cumulative_investment": (
            "累计完成投资",
            "累计投资",
            "开工累计完成投资",
            "cumulative investment",
        ),
        "start_date": ("开工日期", "开工时间", "实际开工日期", "start date"),
        "completion_date": ("竣工日期", "竣工时间", "完工日期", "completion date"),
        "note": ("备注", "说明", "note", "notes", "remark", "remarks", "comment"),
    },
    "sector_output": {
        "sector_code": (
            "产业",
            "产业名称",
            "产业代码",
            "行业",
            "sector",
            "sector code",
            "sector name",
            "industry",
        ),
        "year": ("年份", "年度", "年", "year"),
        "output_value": ("产值", "总产值", "产业产值", "output value", "output"),
        "enterprises": (
            "规上企业数",
            "规模以上企业数",
            "规上企业",
            "企业数",
            "enterprises",
            "number of enterprises",
            "above-scale enterprises",
        ),
        "region_code": ("地区代码", "行政区划代码", "区划代码", "region code", "region"),
        "note": ("备注", "说明", "note", "notes", "remark", "remarks", "comment"),
    },
}
KEYS = {
    "indicator_values": ("indicator_code", "indicator_name"),
    "project_progress": ("project_code", "project_name"),
    "sector_output": ("sector_code",),
}
REQUIRED = {
    "indicator_values": ("year", "value"),
    "project_progress": ("report_month", "status_code"),
    "sector_output": ("year", "output_value"),
}
LABELS = {
    "indicator_code": "指标代码/指标名称",
    "project_code": "项目编号/项目名称",
    "sector_code": "产业",
    "year": "年份",
    "value": "数值",
    "report_month": "报告期",
    "status_code": "项目状态",
    "output_value": "产值（亿元）",
}
