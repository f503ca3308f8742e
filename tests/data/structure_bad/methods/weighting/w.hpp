#pragma once
int w();
