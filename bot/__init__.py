"""Drogowskaz: institutions and tools for Warsaw residents out of work or at risk of exclusion."""
