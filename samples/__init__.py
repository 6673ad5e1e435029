"""SYNTHETIC sample submissions and the fill-in templates: tooling, never imported by a refresh.

`python -m samples` writes the bundled samples under raw/<department>/;
`python -m samples.templates` writes the templates under raw/templates/.
"""
