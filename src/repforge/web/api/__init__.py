"""JSON APIs: v1 (ours) and the ExerciseDB-compatible dialect."""
