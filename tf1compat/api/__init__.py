"""TF1 API knowledge as data: the name table, contrib catalogue, TF 1.x module paths, TF 0.12 names, usage reports, pages."""
