"""From noise to a latent: noise schedules and add_noise, the denoiser D(x, σ) over the UNet, the samplers (pure
functions over a denoiser, k-diffusion style), classifier-free guidance, prompt conditioning per step and
ControlNet control."""
