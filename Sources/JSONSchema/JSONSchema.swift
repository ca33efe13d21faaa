// Placeholder until the validator lands (issue 4).
