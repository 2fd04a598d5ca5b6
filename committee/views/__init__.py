"""Staff pages of the committee secretariat, one module per area."""
