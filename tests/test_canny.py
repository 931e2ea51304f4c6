"""course.io.canny: the written-out Canny against OpenCV's, and each step against a hand computation."""
import cv2
import numpy as np
import pytest

from course.io.canny import (
    canny,
    canny_steps,
    edge_hint,
    gaussian_blur,
    gaussian_kernel,
    gradients,
    hysteresis,
    non_max_suppression,
    sobel,
)
from course.training import data


def agreement(a: np.ndarray, b: np.ndarray) -> float:
    """Edge pixels both maps mark, over the edge pixels either marks (intersection over union)."""
    a, b = a > 0, b > 0
    return float((a & b).sum() / max((a | b).sum(), 1))


def smooth_picture(size: int, seed: int, channels: int = 3) -> np.ndarray:
    """Random colour blobs (a coarse grid, bicubic upsampled) plus Gaussian noise: edges of every direction."""
    rng = np.random.default_rng(seed)
    coarse = rng.uniform(0, 255, (size // 8, size // 8, channels)).astype(np.float32)
    image = cv2.resize(coarse, (size, size), interpolation=cv2.INTER_CUBIC).reshape(size, size, channels)
    return np.clip(image + rng.normal(0, 10, image.shape), 0, 255).astype(np.uint8).squeeze()


# Measured: 100.0% on every picture and threshold pair here (the conventions in course/io/canny.py are OpenCV's);
# the floor leaves room for a different OpenCV build's rounding, not for a different algorithm.
FLOOR = 0.99


def test_agrees_with_opencv_on_the_course_pictures():
    rng = np.random.default_rng(0)
    pictures = [data.render(data.sample_spec(rng), 32, rng=rng) for _ in range(40)]
    both = [(canny(p), canny_steps(p)["edges"]) for p in pictures]
    assert sum(int((a > 0).sum()) for a, _ in both) > 40 * 20  # every picture has an outline
    union = sum(int(((a > 0) | (b > 0)).sum()) for a, b in both)
    assert sum(int(((a > 0) & (b > 0)).sum()) for a, b in both) / union >= FLOOR


@pytest.mark.parametrize("channels", [1, 3])
@pytest.mark.parametrize("low,high", [(20, 60), (50, 150), (100, 200)])
def test_agrees_with_opencv_on_noisy_pictures(channels, low, high):
    for seed in range(2):
        picture = smooth_picture(96, seed, channels)
        ours, theirs = canny_steps(picture, low, high)["edges"], canny(picture, low, high)
        assert ours.dtype == theirs.dtype == np.uint8 and set(np.unique(ours)) <= {0, 255}
        assert agreement(ours, theirs) >= FLOOR


def test_gaussian_kernel_by_hand():
    # size 3, σ = 1: e^{-1/2} = 0.606531 on both sides of 1, divided by their sum 2.213061
    expected = np.array([0.606531, 1.0, 0.606531]) / 2.213061
    assert np.allclose(gaussian_kernel(3, 1.0), expected, atol=1e-6)
    assert np.allclose(gaussian_kernel(5, 1.4), cv2.getGaussianKernel(5, 1.4)[:, 0], atol=1e-12)


def test_gaussian_blur_by_hand_and_against_opencv():
    impulse = np.zeros((9, 9), np.uint8)
    impulse[4, 4] = 100
    g = gaussian_kernel(5, 1.4)
    blurred = gaussian_blur(impulse, 5, 1.4)
    assert np.allclose(blurred[2:7, 2:7], 100 * np.outer(g, g)) and blurred.sum() == pytest.approx(100)
    picture = smooth_picture(40, 1)
    # OpenCV blurs 8-bit pictures in fixed point: rounded, ours differs from it by at most one grey level
    assert np.abs(np.rint(gaussian_blur(picture, 5, 1.4)) - cv2.GaussianBlur(picture, (5, 5), 1.4)).max() <= 1


def test_sobel_by_hand():
    step = np.zeros((5, 6), np.uint8)
    step[:, 3:] = 100  # a vertical edge between columns 2 and 3
    gx, gy = sobel(step)
    # at columns 2 and 3 the right column is 100 brighter than the left, weights 1 + 2 + 1 down the column
    assert (gx[:, [2, 3]] == 400).all() and (gx[:, [0, 1, 4, 5]] == 0).all() and (gy == 0).all()
    picture = smooth_picture(24, 2, 1)
    for ours, dx, dy in ((sobel(picture)[0], 1, 0), (sobel(picture)[1], 0, 1)):
        assert np.array_equal(ours, cv2.Sobel(picture, cv2.CV_16S, dx, dy, ksize=3, borderType=cv2.BORDER_REPLICATE))


def test_colour_gradients_keep_the_strongest_channel():
    # red (210, 20, 30) on blue (30, 70, 230): nearly the same brightness, so a grey picture has almost no edge
    picture = np.zeros((4, 4, 3), np.uint8)
    picture[:] = (30, 70, 230)
    picture[:, 2:] = (210, 20, 30)
    gx, gy, magnitude = gradients(picture)
    # the largest per-channel |gx| + |gy| is blue's: |30 - 230| · 4 = 800 (red's 180 · 4 = 720, green's 200)
    assert (magnitude[:, [1, 2]] == 800).all() and (gx[:, [1, 2]] == -800).all()
    grey = cv2.cvtColor(picture, cv2.COLOR_RGB2GRAY)
    assert np.abs(gradients(grey)[2]).max() < 100  # no edge above the usual low threshold in grey
    assert (canny(picture)[:, 1:3] > 0).any()


def test_non_max_suppression_by_hand():
    magnitude = np.array([[0, 50, 100, 60, 0, 80, 80, 0]])
    gx, gy = np.ones_like(magnitude), np.zeros_like(magnitude)  # horizontal gradient: compare left and right
    thin = non_max_suppression(magnitude, gx, gy)
    assert thin.tolist() == [[0, 0, 100, 0, 0, 80, 0, 0]]  # the peak; of the plateau, the first pixel
    # a vertical gradient compares above and below: the same row alone has nothing above or below, so all stay
    assert (non_max_suppression(magnitude, gy, gx) == magnitude).all()
    diagonal = np.array([[9, 0, 0], [0, 5, 0], [0, 0, 1]])
    ones = np.ones_like(diagonal)
    assert non_max_suppression(diagonal, ones, ones)[1, 1] == 0  # up-left (9) beats it along ↘
    assert non_max_suppression(diagonal, ones, -ones)[1, 1] == 5  # along ↗ its neighbours are 0


def test_hysteresis_by_hand():
    thin = np.array([[250, 150, 150, 50, 150],
                     [0, 0, 0, 0, 0],
                     [0, 0, 0, 0, 150]])
    edges = hysteresis(thin, 100, 200)
    # strong 250; the two 150s joined to it; 50 is below low; the last 150s touch only each other
    assert edges.astype(int).tolist() == [[1, 1, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]
    diagonal = np.array([[250, 0], [0, 150]])
    assert hysteresis(diagonal, 100, 200)[1, 1]  # 8-connected: a diagonal neighbour counts


def test_edge_hint_and_errors():
    picture = data.render(data.Spec("red", "square", "blue", "center"), 32)
    hint = edge_hint(picture)
    assert hint.shape == (32, 32, 3) and set(np.unique(hint)) == {0, 255}
    assert (hint[..., 0] == hint[..., 2]).all()
    with pytest.raises(ValueError, match=r"float64 array of shape \(4, 4\).*uint8"):
        canny(np.zeros((4, 4)))
    with pytest.raises(ValueError, match=r"low=200, high=100: need 0 <= low <= high"):
        canny(picture, 200, 100)
