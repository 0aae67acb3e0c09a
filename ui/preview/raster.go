package preview

// Drawing a prepared picture into pixels: round-ended strokes with smooth
// edges, on a dark stage. Pure Go, no Fyne: one image per frame, which the
// widget hands to Fyne as a single texture.

import (
	"image"
	"image/color"
	"math"
	"slices"
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
	// The shadow layer's touched rows and columns, so that only they are
	// blended and cleared.
	shadowMin, shadowMax image.Point
	// base is the backdrop with the floor drawn on it, kept while the camera
	// and the size stay: most frames only move the figures.
	base     []uint8
	baseGrid []Stroke
}

// Draw paints pic and returns the image (owned by c until the next Draw).
func (c *Canvas) Draw(pic *Picture) *image.RGBA {
	w, h := max(pic.Width, 1), max(pic.Height, 1)
	if c.img == nil || c.img.Rect.Dx() != w || c.img.Rect.Dy() != h {
		c.img = image.NewRGBA(image.Rect(0, 0, w, h))
		c.shadow = make([]uint8, w*h)
		c.base, c.baseGrid = nil, nil
	}
	if c.base == nil || !slices.Equal(c.baseGrid, pic.Grid) {
		c.backdrop()
		for _, s := range pic.Grid {
			c.fill(s, false)
		}
		c.base = append(c.base[:0], c.img.Pix...)
		c.baseGrid = append(c.baseGrid[:0], pic.Grid...)
	} else {
		copy(c.img.Pix, c.base)
	}
	if len(pic.Shadows) > 0 {
		c.shadowMin, c.shadowMax = image.Pt(w, h), image.Pt(-1, -1)
		for _, s := range pic.Shadows {
			c.fill(s, true)
		}
		c.shade(shadowColor)
	}
	for _, s := range pic.Figures {
		c.fill(s, false)
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

// fill draws a stroke with smooth edges: one distance to the segment per
// pixel, only for pixels near it. Into the shadow layer (where overlaps
// keep the darkest, so joints make no darker blots) when mask is set,
// else blended over the image.
func (c *Canvas) fill(s Stroke, mask bool) {
	w, h := c.img.Rect.Dx(), c.img.Rect.Dy()
	if !finiteStroke(s) {
		return
	}
	r := s.Radius
	reach := r + 1
	// Pixels nearer than inner are covered wholly, those beyond outer not
	// at all: only the rim between needs a square root.
	inner, outer := max(r-0.5, 0)*max(r-0.5, 0), (r+0.5)*(r+0.5)
	dx, dy := s.X1-s.X0, s.Y1-s.Y0
	ll := dx*dx + dy*dy
	alpha := float64(s.Color.A) / 255
	pix := c.img.Pix
	y0 := max(int(math.Floor(min(s.Y0, s.Y1)-reach)), 0)
	y1 := min(int(math.Ceil(max(s.Y0, s.Y1)+reach)), h-1)
	for y := y0; y <= y1; y++ {
		py := float64(y) + 0.5
		// The part of the segment within reach of this row, and its x range.
		t0, t1 := 0.0, 1.0
		if dy != 0 {
			t0, t1 = (py-reach-s.Y0)/dy, (py+reach-s.Y0)/dy
			if t0 > t1 {
				t0, t1 = t1, t0
			}
			t0, t1 = max(t0, 0), min(t1, 1)
			if t0 > t1 {
				continue
			}
		} else if math.Abs(py-s.Y0) > reach {
			continue
		}
		xa, xb := s.X0+t0*dx, s.X0+t1*dx
		x0 := max(int(math.Floor(min(xa, xb)-reach)), 0)
		x1 := min(int(math.Ceil(max(xa, xb)+reach)), w-1)
		for x := x0; x <= x1; x++ {
			px := float64(x) + 0.5
			t := 0.0
			if ll > 0 {
				t = min(max(((px-s.X0)*dx+(py-s.Y0)*dy)/ll, 0), 1)
			}
			ex, ey := px-(s.X0+t*dx), py-(s.Y0+t*dy)
			d2 := ex*ex + ey*ey
			if d2 >= outer {
				continue
			}
			cov := 1.0
			if d2 > inner {
				cov = min(r+0.5-math.Sqrt(d2), 1)
			}
			i := y*w + x
			if mask {
				if v := uint8(cov*255 + 0.5); v > c.shadow[i] {
					c.shadow[i] = v
					c.shadowMin = image.Pt(min(c.shadowMin.X, x), min(c.shadowMin.Y, y))
					c.shadowMax = image.Pt(max(c.shadowMax.X, x), max(c.shadowMax.Y, y))
				}
			} else {
				blend(pix[4*i:4*i+3:4*i+3], s.Color, alpha*cov)
			}
		}
	}
}

// shade blends the shadow layer over the image, and clears the layer for
// the next frame, both only where shadows fell.
func (c *Canvas) shade(col color.NRGBA) {
	a := float64(col.A) / 255 / 255
	pix, w := c.img.Pix, c.img.Rect.Dx()
	for y := c.shadowMin.Y; y <= c.shadowMax.Y; y++ {
		row := c.shadow[y*w+c.shadowMin.X : y*w+c.shadowMax.X+1]
		for k, v := range row {
			if v != 0 {
				i := y*w + c.shadowMin.X + k
				blend(pix[4*i:4*i+3:4*i+3], col, a*float64(v))
			}
		}
		clear(row)
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
