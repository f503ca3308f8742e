#pragma once
int h();
