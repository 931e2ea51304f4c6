    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
`    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
`    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
`    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
`    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
:    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
U    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
N    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
V    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
A    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
E    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
`    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
`    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
`    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
`    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
T    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
k    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
k    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
T    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
D    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
y    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
:    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
q    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
T    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
k    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
k    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
C    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
+    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
+    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
C    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
P    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
U    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
:    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
q    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
2    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
-    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
k    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
y    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
x    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
P    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
R    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
O    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
M    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
P    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
T    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
k    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
k    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
v    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
v    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
:    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
x    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
P    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
R    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
O    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
M    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
P    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
T    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
4    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
3    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
F    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
y    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
k    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
x    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
P    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
R    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
O    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
M    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
P    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
T    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
4    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
3    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
F    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
y    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
q    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
v    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
v    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
#    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
y    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
v    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
O    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
z    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
M    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
v    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
y    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
v    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
O    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
z    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
M    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
v    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
:    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
:    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
V    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
E    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
'    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
'    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
'    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
'    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
@    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
y    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
k    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
3    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
2    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
:    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
G    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
k    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
:    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
4    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
y    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
v    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
y    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
3    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
2    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
z    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
2    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
⁻    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
²    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
⁴    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
≈    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
6    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
-    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
8    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
v    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
z    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
~    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
3    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
;    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
V    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
A    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
E    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
[    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
0    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
1    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
]    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
v    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
y    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
:    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
1    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
-    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
4    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
k    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
h    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
x    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
x    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
P    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
R    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
O    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
M    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
P    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
T    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
4    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
3    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
F    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
y    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
x    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
P    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
R    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
O    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
M    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
P    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
T    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
4    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
3    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
F    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
,    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
_    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
y    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
-    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
w    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
x    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
p    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
f    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
i    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
c    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
v    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
g    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
:    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
m    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
x    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
|    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
Δ    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
|    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
{    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
:    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
.    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
2    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
}    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
(    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
b    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
o    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
u    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
n    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
1    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
-    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
4    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
"    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
)    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
s    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
r    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
d    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
l    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
t    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
a    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
<    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
=    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
     """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
1    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
e    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
-    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
4    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""

    """Generated kernels sum in another order: float32 rounding (2⁻²⁴ relative per operation, accumulated over the
    thousands of terms of each output and over 4 steps) moves the image in [0, 1] by about 1e-6 to 1e-5; the bound
    1e-4 leaves ten times that, and is forty times below one level of an 8-bit picture (1/255)."""
