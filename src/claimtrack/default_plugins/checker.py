"""Built-in checker: matches later sources' reports to open commitments."""
