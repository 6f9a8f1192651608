"""harbor: ship jobs to workers."""
