"""The monitoring report and measure sheet as PDF, and the archive of issued reports."""
