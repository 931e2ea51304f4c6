"""sd-course: Stable Diffusion rebuilt piece by piece, each piece checked against diffusers/transformers.

Each component is one small module (``course.tokenizer``, ``course.prompts``, ...);
import the one you need. ``course.checks`` compares your own version with ours.
"""
__version__ = "0.1.0"
