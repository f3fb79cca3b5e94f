import mod_shapes
from mod_shapes import area_circle, PI as pi_value
import mod_shapes as shapes
print(mod_shapes.area_square(3), area_circle(1), pi_value, shapes.NAME, shapes is mod_shapes)
print(mod_shapes.__name__, mod_shapes.__name__)
