"""TF1 API knowledge as data: the removed/changed-name table, the contrib catalogue, usage reports, generated pages."""
