"""Chapter section 2.1, "Introduction: classification vs clustering" (iris)."""
