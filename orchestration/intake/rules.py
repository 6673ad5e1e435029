# ruff: noqa: E501
"""Every intake rule: a stable code, its severity and its bilingual message templates."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

ERROR, WARNING = "error", "warning"

# code | severity | Chinese template | English template (str.format_map placeholders)
_CATALOGUE = """
unsupported_extension | error | 不接受“{ext}”类型的文件，请另存为 .xlsx 或 .csv 后重新报送 | file type "{ext}" is not accepted; save as .xlsx or .csv and submit again
legacy_xls | error | 文件是旧版 Excel 97-2003（.xls）格式，请在 Excel 中另存为 .xlsx | the file is in the old Excel 97-2003 (.xls) format; save it as .xlsx in Excel
extension_mismatch | error | 文件内容是{actual}，与扩展名“{ext}”不符，请改正扩展名或重新导出 | the file holds {actual_en} but is named "{ext}"; fix the extension or export again
file_empty | error | 文件是空的（0 字节） | the file is empty (0 bytes)
file_corrupt | error | 文件已损坏或无法读取（{detail}），请重新导出后报送 | the file is damaged or unreadable ({detail}); export it again
file_too_large | error | 文件大小 {size} 字节超过上限 {limit} 字节，请拆分后报送 | the file has {size} bytes, more than the limit of {limit}; split it
workbook_too_large | error | 工作簿解压后 {size} 字节，超过上限 {limit} 字节（可能是压缩炸弹），未读取 | the workbook unpacks to {size} bytes, more than the limit of {limit} (possible zip bomb); not read
workbook_encrypted | error | 工作簿设置了打开密码，无法读取，请取消密码后重新报送 | the workbook is password-protected and cannot be read; remove the password and submit again
too_many_rows | error | 行数超过上限 {limit} 行，请拆分后报送 | more than {limit} rows; split the file
too_many_sheets | error | 工作表数量超过上限 {limit} 个 | more than {limit} sheets
encoding_unknown | error | 无法识别 CSV 文件的编码（支持 UTF-8、带 BOM 的 UTF-8、GBK/GB18030），请另存为 UTF-8 | the CSV encoding is not recognised (UTF-8, UTF-8 with BOM and GBK/GB18030 are accepted); save as UTF-8
path_outside_drop_folder | error | 这是指向报送目录之外的链接，出于安全未读取 | this is a link that points outside the drop folder; for safety it was not read
file_unreadable | error | 无法读取文件（{detail}），请检查文件权限后重新报送 | the file cannot be read ({detail}); check its permissions and submit again
not_a_regular_file | error | 这不是普通文件（链接、目录或设备），未读取 | this is not a regular file (a link, folder or device); not read
unknown_department | error | 文件夹“{folder}”不是已登记的部门代码，请放入 raw/<部门代码>/ | folder "{folder}" is not a registered department code; drop files into raw/<department_code>/
no_department_folder | error | 文件直接放在报送目录根下，请放入 raw/<部门代码>/ | the file sits at the top of the drop folder; drop it into raw/<department_code>/
dataset_unrecognised | error | 未找到可识别的表头：{expected_zh} | no recognisable header row: {expected_en}
mixed_datasets | error | 一个文件只能报送一种数据，本文件包含：{datasets} | one file may hold one dataset only; this one holds: {datasets}
missing_column | error | 缺少必填列“{column}” | required column "{column}" is missing
duplicate_column | error | 列“{column}”出现了不止一次 | column "{column}" appears more than once
header_unit_not_convertible | error | 表头单位“{unit}”无法换算为{target} | the unit "{unit}" in the header cannot be converted to {target}
no_data_rows | error | 表头下没有数据行 | there are no data rows below the header
internal_error | error | 读取时发生内部错误（{detail}），请联系数据管理员 | internal error while reading ({detail}); contact the data steward
duplicate_file | warning | 与已登记的报送 {original}（{original_status}）字节完全相同，不再重复加载 | byte-for-byte identical to submission {original} ({original_status}); not loaded again
extra_column_ignored | warning | 列“{column}”不是本数据集的字段，已忽略 | column "{column}" is not a field of this dataset and was ignored
sheet_ignored | warning | 工作表没有可识别的表头，已忽略 | the sheet has no recognisable header row and was ignored
hidden_sheet_ignored | warning | 隐藏的工作表已忽略 | a hidden sheet was ignored
not_a_number | error | “{value}”不是有效数字 | "{value}" is not a valid number
not_an_integer | error | “{value}”不是整数 | "{value}" is not a whole number
number_too_large | error | 数值“{value}”大得不合理 | the number "{value}" is implausibly large
formula_in_cell | error | 单元格内容“{value}”以“{char}”开头，像是公式，请填写数值或文字本身 | the cell "{value}" starts with "{char}" like a formula; enter the value itself
year_invalid | error | “{value}”不是有效年份（应为四位数字，如 2023） | "{value}" is not a valid year (four digits, e.g. 2023)
month_invalid | error | “{value}”不是有效报告期（如 2023-05、2023年5月、2023Q2） | "{value}" is not a valid reporting period (e.g. 2023-05, 2023年5月, 2023Q2)
date_invalid | error | “{value}”不是有效日期（如 2023-05-18） | "{value}" is not a valid date (e.g. 2023-05-18)
unknown_indicator | error | 指标“{value}”不在指标目录中{hint_zh} | indicator "{value}" is not in the catalogue{hint_en}
code_name_mismatch | error | 指标代码 {code} 与指标名称“{value}”不一致 | indicator code {code} does not match the name "{value}"
unknown_project | error | 项目“{value}”不在规划项目清单中{hint_zh} | project "{value}" is not in the plan's project list{hint_en}
ambiguous_project_name | error | 项目名称“{value}”对应多个项目（{codes}），请填写项目编号 | project name "{value}" matches several projects ({codes}); give the project code
unknown_sector | error | 产业“{value}”不在产业目录中{hint_zh} | sector "{value}" is not in the sector list{hint_en}
unknown_status | error | 项目状态“{value}”无法识别（可填：{allowed}） | project status "{value}" is not recognised (use: {allowed})
unknown_region | error | 地区代码“{value}”不在地区目录中 | region code "{value}" is not in the region list
unit_not_convertible | error | 单位“{unit}”无法换算为该指标的目录单位“{target}” | unit "{unit}" cannot be converted to the catalogue unit "{target}" of this indicator
unit_conflict | error | 数值自带单位“{unit}”与单位列“{other}”不一致 | the unit written with the value ("{unit}") differs from the unit column ("{other}")
percent_ambiguous | error | 百分比指标的数值 {value} 有歧义：61% 请填“61%”或 61，小数请在单位列写“小数” | value {value} is ambiguous for a percent indicator: write 61% as "61%" or 61, or put 小数/fraction in the unit column
required_value_missing | error | 必填项“{column}”为空 | the required value "{column}" is empty
year_out_of_range | error | 年份 {value} 不在 {min_year}–{max_year} 之间 | year {value} is outside {min_year}–{max_year}
month_out_of_range | error | 报告期 {value} 不在 {min_year}–{max_year} 年之间 | reporting period {value} is outside {min_year}–{max_year}
value_out_of_range | error | 数值 {value} 超出该单位的合理范围 | value {value} is outside the plausible range for its unit
negative_value | error | 数值 {value} 不能为负数 | value {value} must not be negative
cumulative_below_period | error | 累计完成投资 {cumulative_investment} 小于本期完成投资 {period_investment} | cumulative investment {cumulative_investment} is below the period investment {period_investment}
completion_before_start | error | 竣工日期 {completion_date} 早于开工日期 {start_date} | completion date {completion_date} is before the start date {start_date}
duplicate_key | error | 同一{key_zh}在文件中出现了多次，且各行内容不同，请只保留一行 | the same {key_en} appears more than once in the file with differing rows; keep one
file_rejected | error | 本行无错误，但文件因其他行的错误被整体拒收 | this row is fine but the whole file was rejected because of errors elsewhere
duplicate_row | warning | 与第 {first_row} 行完全相同，重复行已忽略 | identical to row {first_row}; the repeated row was ignored
total_row_ignored | warning | 合计行已忽略 | a total row was ignored
formula_neutralised | warning | 文字以“{char}”开头，已在前面加单引号，防止被当作公式执行 | text starts with "{char}"; an apostrophe was put in front so it cannot run as a formula
value_jump | warning | 数值 {value} 与上一年 {previous} 相比变化过大，请核实 | value {value} changes sharply from the previous year's {previous}; please check
cumulative_exceeds_total | warning | 累计完成投资 {cumulative_investment} 超过总投资 {total_investment}，请核实 | cumulative investment {cumulative_investment} exceeds the total investment {total_investment}; please check
unexpected_department | warning | 按目录，{code} 由部门 {owner} 报送 | by the catalogue, {code} is reported by department {owner}
"""

RULES: dict[str, tuple[str, str, str]] = {
    code: (severity, zh, en)
    for code, severity, zh, en in (
        [part.strip() for part in line.split(" | ")] for line in _CATALOGUE.strip().splitlines()
    )
}


@dataclass(frozen=True)
class Issue:
    """One finding about a file or a row, with where it is and what to do."""

    rule: str
    severity: str
    reason_zh: str
    reason_en: str
    sheet: str | None = None
    excel_row: int | None = None
    column: str | None = None
    field: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def issue(
    rule: str,
    *,
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
    field: str | None = None,
    **values: object,
) -> Issue:
    """Build an Issue from the catalogue, filling the message templates with values."""
    severity, zh, en = RULES[rule]
    fill = defaultdict(str, {k: "" if v is None else v for k, v in values.items()})
    fill.setdefault("column", column or "")
    return Issue(
        rule, severity, zh.format_map(fill), en.format_map(fill), sheet, row, column, field
    )


def describe(item: Issue) -> str:
    """One line for submission_log: where (sheet, row, column), Chinese first, then English."""
    zh, en = [], []
    if item.sheet:
        zh.append(f"工作表“{item.sheet}”")
        en.append(f"sheet '{item.sheet}'")
    if item.excel_row:
        zh.append(f"第 {item.excel_row} 行")
        en.append(f"row {item.excel_row}")
    if item.column:
        zh.append(f"“{item.column}”列")
        en.append(f"column '{item.column}'")
    where_zh = (" ".join(zh) + "：") if zh else ""
    where_en = (", ".join(en) + ": ") if en else ""
    return f"{where_zh}{item.reason_zh}。 / {where_en}{item.reason_en}. [{item.rule}]"
