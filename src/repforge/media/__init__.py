"""Demonstrations rendered from motion data: SVG, GIF, WebP, posters and thumbnails."""
