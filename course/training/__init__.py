"""Training: the one resumable loop (stage.py), the synthetic shapes data, and the recipes for the bundled model,
its text encoder (contrastive), a LoRA and the ControlNet."""
