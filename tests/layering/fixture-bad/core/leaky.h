// A model header that reaches into the UI: check_core_includes.cmake must refuse it
// (the layering_refuses_ui_include test). Never compiled.
#pragma once
#include "core/plan.h"
#include "ui/app.h"
