"""The networks, named as the transformers/diffusers state dicts name them: attention, the CLIP text encoder, the UNet
and its blocks (SD 1.x and SDXL are one UNet, configured), the VAE, ControlNet and LoRA layers. Nothing here
knows about sampling."""
