package preview

import (
	"image"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// viewport is the 3D view: it draws the frame shown and turns drags, the
// wheel and keys into camera moves and player commands.
type viewport struct {
	widget.BaseWidget
	p      *Player
	raster *canvas.Raster
	cam    Camera
	framed bool // the camera has been fitted to the motion
	pan    bool // the drag under way slides instead of turning
}

func newViewport(p *Player) *viewport {
	v := &viewport{p: p}
	v.raster = canvas.NewRaster(v.generate)
	v.raster.SetMinSize(fyne.NewSize(320, 220))
	v.ExtendBaseWidget(v)
	return v
}

func (v *viewport) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(v.raster) }

// generate is the raster's drawing function, called by Fyne at paint time
// with the size in pixels: nothing is drawn for a view nobody sees.
func (v *viewport) generate(w, h int) image.Image {
	size := v.Size()
	if !v.framed && size.Width > 0 && size.Height > 0 {
		v.frame()
	}
	scale := 1.0
	if size.Width > 0 {
		scale = float64(w) / float64(size.Width)
	}
	return v.p.picture(w, h, scale)
}

// frame fits the camera to the whole motion, as seen in this view.
func (v *viewport) frame() {
	size := v.Size()
	aspect := 1.5
	if size.Height > 0 {
		aspect = float64(size.Width) / float64(size.Height)
	}
	v.cam = FrameBounds(v.p.scene.bounds(), aspect)
	v.framed = true
}

// redraw asks Fyne for a new picture.
func (v *viewport) redraw() { v.raster.Refresh() }

// zoomLimits keep the camera between a close-up and far away, for the
// motion's size.
func (v *viewport) zoomLimits() (near, far float64) {
	b := v.p.scene.bounds()
	r := math.Max(b.Max.Sub(b.Min).Len()/2, v.p.scene.stage.Unit*0.5)
	return r * 0.1, r * 12
}

// MouseDown starts a drag: Shift, or the right or middle button, pans.
func (v *viewport) MouseDown(ev *desktop.MouseEvent) {
	v.pan = ev.Modifier&fyne.KeyModifierShift != 0 || ev.Button == desktop.MouseButtonSecondary || ev.Button == desktop.MouseButtonTertiary
}

// MouseUp ends a press.
func (v *viewport) MouseUp(*desktop.MouseEvent) {}

// Dragged turns the camera, or slides it while panning.
func (v *viewport) Dragged(ev *fyne.DragEvent) {
	v.ensureFramed()
	if v.pan {
		v.cam.Pan(float64(ev.Dragged.DX), float64(ev.Dragged.DY), float64(v.Size().Height))
	} else {
		v.cam.Orbit(float64(ev.Dragged.DX), float64(ev.Dragged.DY))
	}
	v.redraw()
}

// DragEnd ends a drag.
func (v *viewport) DragEnd() { v.pan = false }

// Scrolled zooms: up or away from the user comes closer.
func (v *viewport) Scrolled(ev *fyne.ScrollEvent) {
	v.ensureFramed()
	near, far := v.zoomLimits()
	// Fyne gives 25 a wheel notch on Linux and Windows (10 a unit on macOS,
	// where trackpads send many small ones); a hard flick is capped so the
	// view never jumps.
	v.cam.Zoom(clamp(float64(ev.Scrolled.DY)/25, -3, 3), near, far)
	v.redraw()
}

// Tapped takes the keyboard, so that Space and the arrows reach the player.
func (v *viewport) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
}

// DoubleTapped frames the whole motion again.
func (v *viewport) DoubleTapped(*fyne.PointEvent) {
	v.frame()
	v.redraw()
}

func (v *viewport) ensureFramed() {
	if !v.framed {
		v.frame()
	}
}

// FocusGained is part of fyne.Focusable.
func (v *viewport) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (v *viewport) FocusLost() {}

// TypedRune is part of fyne.Focusable.
func (v *viewport) TypedRune(rune) {}

// TypedKey sends keys to the player.
func (v *viewport) TypedKey(ev *fyne.KeyEvent) { v.p.TypedKey(ev) }
