"""Reader features: units that are no DocFX construct but what the site adds for a reader
(heading anchors, code highlighting, links resolved in the page's language, the English original
on hover). Each module is one unit of the registry (``pages.units``)."""
