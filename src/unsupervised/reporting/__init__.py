"""The run as a whole: its metrics gathered, checked against a baseline, set beside the
chapter's."""
