"""Reviewing and releasing policy versions: diff, redline, release and revisions."""
