"""Pattern rules that read numbers, money, dates and the progress facts from sentences."""
