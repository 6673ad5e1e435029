"""How the reports draw: HTML blocks, the stylesheet, SVG charts and bars, badges, xlsx sheets.

Nothing here reads the marts or decides a figure; every value it draws is handed to it.
"""
