"""The TF1 API knowledge beyond the main table: TF 1.x module paths and the pre-1.0 (TF 0.12) names, as data."""
