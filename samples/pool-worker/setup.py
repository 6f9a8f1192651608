from setuptools import find_packages, setup

setup(
    name="pool-worker",
    version="1.2.0",
    description="Fetch and fingerprint pages with a pool of green threads",
    packages=find_packages(exclude=["tests", "tests.*"]),
    python_requires=">=3.8",
    install_requires=[
        "eventlet>=0.33.0",
        "futurist>=2.4.0",
        "requests>=2.25.0",
    ],
    entry_points={
        "console_scripts": ["pool-worker = crawler.pipeline:main"],
    },
)
