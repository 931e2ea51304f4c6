"""sd-course: Stable Diffusion rebuilt piece by piece, each piece checked against diffusers/transformers.

The folders follow the data flow, and each imports only from the ones above it (tests/test_layout.py):

    parts.py, config.py   what a pipeline is made of; the networks' configs
    text/                 prompt syntax, CLIP tokenizer                        prompt -> token ids (B, 77)
    nets/                 attention, text encoder, UNet, VAE, ControlNet, LoRA the networks
    io/                   model folders, checkpoints, LoRA files, images       files and pictures -> tensors
    sampling/             schedules, denoiser, samplers, guidance, control     noise -> latent
    pipeline.py           text_to_image, image_to_image, inpaint               the arrows, top to bottom
    notebook/             widgets and attention maps                           what the notebooks show
    training/             the bundled model, LoRA, ControlNet trainers         weights from data
    checks/               a learner's piece against ours, naming the mistake
    cli.py, __main__.py   the command line (python -m course ...)

Import the module you need (``from course.text.tokenizer import CLIPTokenizer``).
"""
__version__ = "0.1.0"
