"""What every section uses: atomic files and results, figures, the step runner, config checks."""
