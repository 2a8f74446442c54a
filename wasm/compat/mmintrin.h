/* Empty stand-in for the MMX header that Emscripten 3.1.6 lacks. Eigen's SSE path includes it
   but uses no MMX type. */
#pragma once
