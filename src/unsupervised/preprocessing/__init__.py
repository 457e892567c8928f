"""Chapter section 2.2.14, "Using clustering for preprocessing" (digits)."""
