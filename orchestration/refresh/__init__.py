"""The refresh room: the job, its schedule and sensor, the intake step and the skip rule.

`assets` wraps intake as the first step and applies the skip rule (`skip`, over the
`fingerprint` of what the published file was built from); `jobs` and `sensors` start a
refresh; `runner` runs one from the command line and describes the outcome.
"""
