"""Training: logged workouts, progress and the prescription that adapts to them (pure domain)."""
