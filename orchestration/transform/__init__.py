"""dbt, loaded the one way: a DbtProject and @dbt_assets."""
