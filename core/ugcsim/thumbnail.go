package ugcsim

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"strings"
)

// thumbnailFor makes a small PNG for an uploaded source video (the service
// sets thumbnailUrl for source videos only) and returns its path, or "" for
// other files or if it could not be written. The simulator cannot decode
// video, so the picture is a plain gradient with a stick figure.
func (s *Simulator) thumbnailFor(videoPath, typ string) string {
	if typ == ".move" {
		return ""
	}
	path := strings.TrimSuffix(videoPath, typ) + ".thumbnail.png"
	out, err := os.Create(path)
	if err != nil {
		return ""
	}
	defer out.Close()
	if png.Encode(out, stickFigure(160, 90)) != nil {
		return ""
	}
	return path
}

func stickFigure(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{R: uint8(30 + 40*y/h), G: uint8(40 + 60*x/w), B: 90, A: 255})
		}
	}
	ink := color.RGBA{R: 240, G: 240, B: 240, A: 255}
	cx := w / 2
	line := func(x0, y0, x1, y1 int) {
		steps := max(abs(x1-x0), abs(y1-y0), 1)
		for i := 0; i <= steps; i++ {
			img.Set(x0+(x1-x0)*i/steps, y0+(y1-y0)*i/steps, ink)
		}
	}
	for a := 0; a < 360; a += 5 { // head
		x, y := circlePoint(a, 6)
		img.Set(cx+x, 18+y, ink)
	}
	line(cx, 24, cx, 52)    // body
	line(cx, 32, cx-14, 24) // raised left arm
	line(cx, 32, cx+14, 42) // right arm
	line(cx, 52, cx-10, 74) // left leg
	line(cx, 52, cx+10, 74) // right leg
	return img
}

func circlePoint(deg, r int) (int, int) {
	rad := float64(deg) * math.Pi / 180
	return int(math.Round(float64(r) * math.Cos(rad))), int(math.Round(float64(r) * math.Sin(rad)))
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
