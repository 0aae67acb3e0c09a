package preview

// Drawing a prepared picture into pixels: round-ended strokes with smooth
// edges, on a dark stage. Pure Go, no Fyne: one image per frame, which the
// widget hands to Fyne as a single texture.

import (
	"image"
	"image/color"
	"math"
)

// Stage colours: a dark backdrop, lighter at the top, as in 3D tools.
var (
	skyTop    = color.NRGBA{0x4a, 0x4e, 0x56, 0xff}
	skyBottom = color.NRGBA{0x24, 0x26, 0x2a, 0xff}
)

// Canvas holds the buffers one frame is drawn into; a player keeps one and
// reuses it, so drawing allocates only when the size changes.
type Canvas struct {
	img    *image.RGBA
	shadow []uint8 // coverage of the shadow layer, one byte a pixel
}

// Draw paints pic and returns the image (owned by c until the next Draw).
func (c *Canvas) Draw(pic *Picture) *image.RGBA {
	w, h := max(pic.Width, 1), max(pic.Height, 1)
	if c.img == nil || c.img.Rect.Dx() != w || c.img.Rect.Dy() != h {
		c.img = image.NewRGBA(image.Rect(0, 0, w, h))
		c.shadow = make([]uint8, w*h)
	}
	c.backdrop()
	for _, s := range pic.Grid {
		c.stroke(s)
	}
	if len(pic.Shadows) > 0 {
		clear(c.shadow)
		for _, s := range pic.Shadows {
			c.cover(s)
		}
		c.shade(shadowColor)
	}
	for _, s := range pic.Figures {
		c.stroke(s)
	}
	return c.img
}

// backdrop fills the image with the vertical gradient.
func (c *Canvas) backdrop() {
	w, h := c.img.Rect.Dx(), c.img.Rect.Dy()
	for y := range h {
		col := mix(skyTop, skyBottom, float64(y)/float64(max(h-1, 1)))
		row := c.img.Pix[y*c.img.Stride : y*c.img.Stride+4*w]
		row[0], row[1], row[2], row[3] = col.R, col.G, col.B, 0xff
		for filled := 4; filled < len(row); filled *= 2 {
			copy(row[filled:], row[:filled])
		}
	}
}

// span calls fn for every pixel a stroke may touch, with the pixel's
// coverage (0 to 1): one distance to the segment per pixel, only near it.
func (c *Canvas) span(s Stroke, fn func(i int, coverage float64)) {
	w, h := c.img.Rect.Dx(), c.img.Rect.Dy()
	if !finiteStroke(s) {
		return
	}
	r := s.Radius
	reach := r + 1
	dx, dy := s.X1-s.X0, s.Y1-s.Y0
	ll := dx*dx + dy*dy
	y0 := max(int(math.Floor(math.Min(s.Y0, s.Y1)-reach)), 0)
	y1 := min(int(math.Ceil(math.Max(s.Y0, s.Y1)+reach)), h-1)
	for y := y0; y <= y1; y++ {
		py := float64(y) + 0.5
		// The part of the segment within reach of this row, and its x range.
		t0, t1 := 0.0, 1.0
		if dy != 0 {
			t0, t1 = (py-reach-s.Y0)/dy, (py+reach-s.Y0)/dy
			if t0 > t1 {
				t0, t1 = t1, t0
			}
			t0, t1 = math.Max(t0, 0), math.Min(t1, 1)
			if t0 > t1 {
				continue
			}
		} else if math.Abs(py-s.Y0) > reach {
			continue
		}
		xa, xb := s.X0+t0*dx, s.X0+t1*dx
		x0 := max(int(math.Floor(math.Min(xa, xb)-reach)), 0)
		x1 := min(int(math.Ceil(math.Max(xa, xb)+reach)), w-1)
		for x := x0; x <= x1; x++ {
			px := float64(x) + 0.5
			t := 0.0
			if ll > 0 {
				t = clamp(((px-s.X0)*dx+(py-s.Y0)*dy)/ll, 0, 1)
			}
			ex, ey := px-(s.X0+t*dx), py-(s.Y0+t*dy)
			cov := r + 0.5 - math.Sqrt(ex*ex+ey*ey)
			if cov <= 0 {
				continue
			}
			fn(y*w+x, math.Min(cov, 1))
		}
	}
}

// stroke blends a stroke over the image.
func (c *Canvas) stroke(s Stroke) {
	a := float64(s.Color.A) / 255
	pix := c.img.Pix
	c.span(s, func(i int, cov float64) {
		blend(pix[4*i:4*i+3], s.Color, a*cov)
	})
}

// cover adds a stroke to the shadow layer: where shadows overlap, the
// darkest wins, so joints do not make darker blots.
func (c *Canvas) cover(s Stroke) {
	c.span(s, func(i int, cov float64) {
		if v := uint8(cov*255 + 0.5); v > c.shadow[i] {
			c.shadow[i] = v
		}
	})
}

// shade blends the shadow layer over the image.
func (c *Canvas) shade(col color.NRGBA) {
	a := float64(col.A) / 255 / 255
	pix := c.img.Pix
	for i, v := range c.shadow {
		if v != 0 {
			blend(pix[4*i:4*i+3], col, a*float64(v))
		}
	}
}

// blend mixes colour col over an opaque pixel with opacity a.
func blend(px []uint8, col color.NRGBA, a float64) {
	px[0] = uint8(float64(px[0]) + (float64(col.R)-float64(px[0]))*a + 0.5)
	px[1] = uint8(float64(px[1]) + (float64(col.G)-float64(px[1]))*a + 0.5)
	px[2] = uint8(float64(px[2]) + (float64(col.B)-float64(px[2]))*a + 0.5)
}

func finiteStroke(s Stroke) bool {
	for _, f := range [...]float64{s.X0, s.Y0, s.X1, s.Y1, s.Radius} {
		if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e7 {
			return false
		}
	}
	return true
}
