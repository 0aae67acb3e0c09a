package gltf

import (
	"math"
	"sort"

	"github.com/qmuntal/gltf"

	"singlecam/core/motion"
)

// curve is one sampler's keys: times and values (comps per key; three times
// as many for CUBICSPLINE: in-tangent, value, out-tangent).
type curve struct {
	times  []float64
	values []float64
	comps  int
	interp gltf.Interpolation
}

// at returns the curve's value at time t into out (comps long), using the
// cursor k (the last key found) to make in-order sampling linear.
func (c *curve) at(t float64, k *int, out []float64) {
	n := len(c.times)
	if t <= c.times[0] || n == 1 {
		c.key(0, out)
		return
	}
	if t >= c.times[n-1] {
		c.key(n-1, out)
		return
	}
	i := *k
	if i < 0 || i >= n-1 || c.times[i] > t {
		i = sort.SearchFloat64s(c.times, t)
		if i > 0 {
			i--
		}
	}
	for i < n-2 && c.times[i+1] <= t {
		i++
	}
	*k = i
	t0, t1 := c.times[i], c.times[i+1]
	dt := t1 - t0
	s := (t - t0) / dt
	switch c.interp {
	case gltf.InterpolationStep:
		c.key(i, out)
	case gltf.InterpolationCubicSpline:
		w := c.comps
		v0 := c.values[(3*i+1)*w:]
		b0 := c.values[(3*i+2)*w:]
		v1 := c.values[(3*(i+1)+1)*w:]
		a1 := c.values[(3*(i+1))*w:]
		s2, s3 := s*s, s*s*s
		h00, h10, h01, h11 := 2*s3-3*s2+1, s3-2*s2+s, -2*s3+3*s2, s3-s2
		for j := range w {
			out[j] = h00*v0[j] + h10*dt*b0[j] + h01*v1[j] + h11*dt*a1[j]
		}
	default:
		a, b := c.values[i*c.comps:], c.values[(i+1)*c.comps:]
		if c.comps == 4 {
			q := motion.Quat{X: a[0], Y: a[1], Z: a[2], W: a[3]}.Slerp(motion.Quat{X: b[0], Y: b[1], Z: b[2], W: b[3]}, s)
			out[0], out[1], out[2], out[3] = q.X, q.Y, q.Z, q.W
			return
		}
		for j := range c.comps {
			out[j] = a[j] + (b[j]-a[j])*s
		}
	}
}

// key copies key i's value.
func (c *curve) key(i int, out []float64) {
	off := i * c.comps
	if c.interp == gltf.InterpolationCubicSpline {
		off = (3*i + 1) * c.comps
	}
	copy(out, c.values[off:off+c.comps])
}

// frameRate guesses the rate the keys were sampled at: the smallest gap
// between keys, snapped to a whole rate when it is within 0.1% of one, and
// kept between 1 and 240 fps. One key (or none) gives 30 fps.
func frameRate(curves []*curve) float64 {
	gap := math.Inf(1)
	for _, c := range curves {
		for i := 1; i < len(c.times); i++ {
			if d := c.times[i] - c.times[i-1]; d > 1e-6 && d < gap {
				gap = d
			}
		}
	}
	if math.IsInf(gap, 1) {
		return 30
	}
	fps := 1 / gap
	if r := math.Round(fps); math.Abs(fps-r) < 1e-3*r {
		fps = r
	}
	// NTSC rates such as 29.97 keep three decimals.
	fps = math.Round(fps*1000) / 1000
	return math.Max(1, math.Min(240, fps))
}

// frameCount is how many frame steps at fps fit in span seconds. frameRate
// snaps a rate within 0.1 % of a whole number to it (CMU's 120.00048 fps
// becomes 120), so over a long clip the last key lands up to 0.1 % of the
// count short of a whole step (2752 frames: 2750.99 steps); within that the
// count rounds, so the last frame is kept. Further off, the keys are not on
// the grid and the count rounds down, so no frame is sampled past the end.
func frameCount(span, fps float64) float64 {
	steps := span * fps
	if n := math.Round(steps); math.Abs(steps-n) <= math.Max(0.01, 1e-3*steps) {
		return n
	}
	return math.Floor(steps)
}
