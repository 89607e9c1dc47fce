"""Writers that turn a recommendation into files other tools read."""
