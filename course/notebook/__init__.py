"""What the notebooks show: the ipywidgets explorers (denoising, CFG scale, clip skip, samplers, cross-attention)
and the cross-attention maps they draw."""
