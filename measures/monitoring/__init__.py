"""Monitoring rounds: staff pages, the partners' report pages, their mail and workflow."""
