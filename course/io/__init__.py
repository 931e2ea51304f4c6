"""Files and pictures: model folders and single-file checkpoints (and the key map between their names), LoRA
files in kohya's and diffusers' layouts, images and masks to tensors and back, Canny edge maps as hints."""
