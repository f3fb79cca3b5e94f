// The Catch2 (v2) test runner for pylife, native and wasm.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
