"""The command line: the runner, the shared usage-error convention, quiet TensorFlow start-up, headless figures."""
