"""The plan generator: profile in, validated multi-week training plan out."""
