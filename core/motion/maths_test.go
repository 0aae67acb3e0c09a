package motion

import (
	"math"
	"math/rand/v2"
	"testing"
)

const tol = 1e-9

func near(a, b Vec3, eps float64) bool { return a.Sub(b).Len() <= eps }

func TestEulerRoundTripsEveryOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, s := range []string{"XYZ", "XZY", "YXZ", "YZX", "ZXY", "ZYX"} {
		o, err := ParseEulerOrder(s)
		if err != nil {
			t.Fatal(err)
		}
		cases := [][3]float64{{0, 0, 0}, {0.3, -1.2, 2.5}, {1, math.Pi / 2, 0.5}, {-0.4, -math.Pi / 2, 0.2}}
		for range 200 {
			cases = append(cases, [3]float64{rng.Float64()*6 - 3, rng.Float64()*3 - 1.5, rng.Float64()*6 - 3})
		}
		for _, a := range cases {
			q := FromEuler(o, a)
			back := FromEuler(o, q.Euler(o))
			if q.Angle(back) > 1e-6 {
				t.Errorf("%s %v: euler %v gives a rotation %g rad away", s, a, q.Euler(o), q.Angle(back))
			}
		}
	}
}

func TestFromEulerComposesInListedOrder(t *testing.T) {
	o, _ := ParseEulerOrder("ZXY")
	q := FromEuler(o, [3]float64{math.Pi / 2, math.Pi / 2, 0})
	// Rz(90) × Rx(90) applied to +Y: Rx takes +Y to +Z, Rz leaves +Z.
	if got := q.Rotate(Vec3{0, 1, 0}); !near(got, Vec3{0, 0, 1}, tol) {
		t.Errorf("got %v, want +Z", got)
	}
}

func TestParseEulerOrderRefusesBadOrders(t *testing.T) {
	for _, s := range []string{"", "XY", "XXY", "XYW", "XYZX"} {
		if _, err := ParseEulerOrder(s); err == nil {
			t.Errorf("%q: no error", s)
		}
	}
}

func TestMatrixAgreesWithApplyAndInverts(t *testing.T) {
	tr := Transform{T: Vec3{1, 2, 3}, R: AxisAngle(Vec3{1, 2, 0.5}, 0.8), S: Vec3{2, 0.5, 1.5}}
	m := tr.Matrix()
	p := Vec3{0.3, -0.7, 2}
	if got, want := m.Point(p), tr.Apply(p); !near(got, want, tol) {
		t.Errorf("matrix %v, apply %v", got, want)
	}
	inv, ok := m.Inverse()
	if !ok {
		t.Fatal("no inverse")
	}
	if got := inv.Point(m.Point(p)); !near(got, p, 1e-12) {
		t.Errorf("inverse gives %v, want %v", got, p)
	}
	d := m.Decompose()
	if !near(d.T, tr.T, tol) || !near(d.S, tr.S, 1e-12) || d.R.Angle(tr.R) > 1e-9 {
		t.Errorf("decompose %+v, want %+v", d, tr)
	}
	if _, ok := (&Mat4{}).Inverse(); ok {
		t.Error("zero matrix inverted")
	}
}

func TestSlerpHalfway(t *testing.T) {
	a, b := Identity, AxisAngle(Vec3{0, 1, 0}, 2)
	if got := a.Slerp(b, 0.5).Angle(AxisAngle(Vec3{0, 1, 0}, 1)); got > 1e-9 {
		t.Errorf("halfway is %g rad off", got)
	}
	// The shorter arc even when the quaternions have opposite signs.
	neg := Quat{-b.X, -b.Y, -b.Z, -b.W}
	if got := a.Slerp(neg, 0.5).Angle(AxisAngle(Vec3{0, 1, 0}, 1)); got > 1e-9 {
		t.Errorf("halfway through a negated end is %g rad off", got)
	}
}
