"""Session adjusters: what the runner merges into every TF1 Session's ConfigProto, and the hang watchdog."""
