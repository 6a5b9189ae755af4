"""The shared text-and-data layer: Han characters, lost-character marks, Chinese numerals, script detection,
data files, offset maps.

Every stage imports these from here rather than defining its own; nothing here imports a stage.
"""
